// Block 2a0 of the table in ../t2s.js.
export const T2S = "𪀖𫛧𪀦𪉅𪀾𪉋𪁈𪉉𪁖𪉌𪂆𪉎𪃍𪉐𪃏𪉏𪃒𫛻𪃧𫛹";
