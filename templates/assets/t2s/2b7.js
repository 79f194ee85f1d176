// Block 2b7 of the table in ../t2s.js.
export const T2S = "𫜦𫜫";
