// Block 25f of the table in ../t2s.js.
export const T2S = "𥼽𥹥𥽖𥺇𥾯𫄝𥿊𦈈";
