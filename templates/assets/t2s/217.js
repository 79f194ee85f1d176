// Block 217 of the table in ../t2s.js.
export const T2S = "𡞵㛟𡟫𫝪";
