// Block 277 of the table in ../t2s.js.
export const T2S = "𧜗䘞𧜵䙊𧝞䘛𧞫𫌋𧟀𧝧";
