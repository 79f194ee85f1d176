// Block 5f of the table in ../t2s.js.
export const T2S = "弒弑弔吊弳弪張张強强彃𪪼彄𫸩彆别彈弹彌弥彎弯彔录彙汇彠彟彥彦彫雕彲彨彿佛後后徑径從从徠徕復复徹彻徿𪫌";
