// Block 24c of the table in ../t2s.js.
export const T2S = "𤳷𪽝𤳸𤳄";
