// Block 75 of the table in ../t2s.js.
export const T2S = "甌瓯甕瓮產产産产甦苏甯宁畝亩畢毕畫画異异畵画當当畼𪽈疇畴疊叠痙痉痠酸痮𪽪痾疴";
