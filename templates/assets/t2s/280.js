// Block 280 of the table in ../t2s.js.
export const T2S = "𨂐𫏌";
