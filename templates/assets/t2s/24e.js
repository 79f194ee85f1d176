// Block 24e of the table in ../t2s.js.
export const T2S = "𤸫𤶧𤺔𪽴";
