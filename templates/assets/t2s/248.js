// Block 248 of the table in ../t2s.js.
export const T2S = "𤠮𪺸𤢟𤝢𤢻𢢐";
