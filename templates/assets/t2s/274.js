// Block 274 of the table in ../t2s.js.
export const T2S = "𧒯𫊹";
