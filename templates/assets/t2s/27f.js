// Block 27f of the table in ../t2s.js.
export const T2S = "𧽯𫎸";
