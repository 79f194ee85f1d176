// Block 20f of the table in ../t2s.js.
export const T2S = "𠽃𪠺𠿕𪜎";
