// Block 246 of the table in ../t2s.js.
export const T2S = "𤘀𪺣𤛮𤙯𤛱𫞢";
