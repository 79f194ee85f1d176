// Block 268 of the table in ../t2s.js.
export const T2S = "𦠅𫞅𦡝𫆫𦢈𣍨𦣎𦟗";
