// Block 210 of the table in ../t2s.js.
export const T2S = "𡂡𪢒𡃄𪡺𡃕𠴛𡃤𪢐";
