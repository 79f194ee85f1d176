// Block 27a of the table in ../t2s.js.
export const T2S = "𧩕𫍭𧩙䜥𧩼𫍶𧫝𫍺";
