// Block 25b of the table in ../t2s.js.
export const T2S = "𥯤𫁳";
