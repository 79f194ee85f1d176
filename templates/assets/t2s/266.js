// Block 266 of the table in ../t2s.js.
export const T2S = "𦘧𡳒";
