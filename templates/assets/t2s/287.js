// Block 287 of the table in ../t2s.js.
export const T2S = "𨞺𫟫𨟊𫟬";
