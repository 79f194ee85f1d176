// Block 281 of the table in ../t2s.js.
export const T2S = "𨄣𨀱𨅍𨁴𨆪𫏕𨇁𧿈𨇞𨅫𨇤𫏨𨇰𫏞𨇽𫏑";
