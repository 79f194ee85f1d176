// Block 8d of the table in ../t2s.js.
export const T2S = "贃𧹗贄贽贅赘贇赟贈赠贉𫎫贊赞贋赝贍赡贏赢贐赆贑𫎬贓赃贔赑贖赎贗赝贚𫎦贛赣贜赃赬赪趕赶趙赵趨趋趲趱跡迹";
