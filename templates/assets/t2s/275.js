// Block 275 of the table in ../t2s.js.
export const T2S = "𧔥𧒭𧕟𧉐";
