// Block 25e of the table in ../t2s.js.
export const T2S = "𥸠𥮋𥻦𫂿";
