// Block 54 of the table in ../t2s.js.
export const T2S = "吒咤吳吴吶呐呂吕咼呙員员哯𠯟";
