// Block 261 of the table in ../t2s.js.
export const T2S = "𦅇𫄪𦅈𫄵𦆲𫟇";
