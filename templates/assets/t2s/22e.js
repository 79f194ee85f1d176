// Block 22e of the table in ../t2s.js.
export const T2S = "𢹿𢬦𢺳𪮳";
