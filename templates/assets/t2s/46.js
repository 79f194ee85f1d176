// Block 46 of the table in ../t2s.js.
export const T2S = "䙔𫋲䙡䙌䙱𧜭䚩𫌯䛄𫍠䛳𫍫";
