// Block 24d of the table in ../t2s.js.
export const T2S = "𤷃𪽭";
