// Block 291 of the table in ../t2s.js.
export const T2S = "𩅙𫕨";
