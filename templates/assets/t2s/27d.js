// Block 27d of the table in ../t2s.js.
export const T2S = "𧵳䞌𧶔𧹓𧶧䞎𧷎𪠀";
