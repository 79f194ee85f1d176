// Block 2a6 of the table in ../t2s.js.
export const T2S = "𪘀𪚏𪘯𪚐𪙏𫜯";
