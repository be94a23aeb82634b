function addFav(){}
