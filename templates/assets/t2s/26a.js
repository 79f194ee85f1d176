// Block 26a of the table in ../t2s.js.
export const T2S = "𦪙䑽𦪽𦨩";
