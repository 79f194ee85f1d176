// Block 2a4 of the table in ../t2s.js.
export const T2S = "𪓰𫜟";
