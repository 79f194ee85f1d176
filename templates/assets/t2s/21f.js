// Block 21f of the table in ../t2s.js.
export const T2S = "𡽗𡸃𡾱㟜𡿖𪩛";
