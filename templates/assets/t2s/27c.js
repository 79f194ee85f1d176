// Block 27c of the table in ../t2s.js.
export const T2S = "𧳟𧳕";
