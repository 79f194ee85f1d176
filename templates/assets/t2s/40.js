// Block 40 of the table in ../t2s.js.
export const T2S = "䀉𥁢䀹𥅴䁪𥇢䁻䀥䂎𥎝䃮鿎";
