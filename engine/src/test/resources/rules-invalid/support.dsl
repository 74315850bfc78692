[when]The account status is "{status}"=LoginAnswer( status == "{status}" )
[then]Report {cause} in {category} on layer {layer}=insert( Finding.error( "{category}", "{cause}", "{layer}" ) );
