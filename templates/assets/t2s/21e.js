// Block 21e of the table in ../t2s.js.
export const T2S = "𡸗𪨩𡹬𪨹𡻕岁";
