// Block 2b4 of the table in ../t2s.js.
export const T2S = "𫒡𫓷";
