// Block 26c of the table in ../t2s.js.
export const T2S = "𦱌𫇪";
