// Block 260 of the table in ../t2s.js.
export const T2S = "𦀖𫄦𦂅𦈒𦃄𦈗𦃩𫄯";
