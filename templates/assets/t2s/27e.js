// Block 27e of the table in ../t2s.js.
export const T2S = "𧸘𫎨𧹈𪥠";
