// Block 28f of the table in ../t2s.js.
export const T2S = "𨼳𫔽𨽏𨸘";
