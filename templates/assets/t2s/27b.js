// Block 27b of the table in ../t2s.js.
export const T2S = "𧬤𫍼𧭈𫍾𧭹𫍐";
