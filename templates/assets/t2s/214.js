// Block 214 of the table in ../t2s.js.
export const T2S = "𡑍𫭼𡑭𡋗𡓁𪤄𡓾𡋀";
