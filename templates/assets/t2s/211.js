// Block 211 of the table in ../t2s.js.
export const T2S = "𡄔𠴢𡄣𠵸𡅏𠲥𡅯𪢖";
