// Block 2a2 of the table in ../t2s.js.
export const T2S = "𪈼𱊜𪉸𫜊𪋿𫧮";
