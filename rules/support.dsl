# Sentences support staff write rules with (the near-English rules in *.dslr files).
# Owned by developers: each line maps one sentence to Drools. rules/DSL.md explains every
# sentence with an example. A {name} in a sentence is the part you fill in.
#
# Conditions (when) come in two kinds: a sentence that names a fact ("The panel accepted the
# login"), and lines starting with "-" that narrow the fact named just above them ("- the line
# is a trial"). Results (then) start a finding ("Conclude ..."), add to it ("Add evidence that ...",
# "Fill in ..."), and end with "Report it".

# ---- the login answer -----------------------------------------------------------------------
[when]The panel accepted the login=$login : LoginAnswer( outcome == "panel.login_ok" )
[when]The panel refused the login=$login : LoginAnswer( outcome == "panel.auth_rejected" )
[when]The panel answered the login=$login : LoginAnswer( )
[when]- the account status is "{status}"="{status}".equalsIgnoreCase( status )
[when]- the account status is not "{status}"=!( "{status}".equalsIgnoreCase( status ) )
[when]- the line has run out by its status or by the server's clock=( "Expired".equalsIgnoreCase( status ) || ( expDate > 0 && serverTime > 0 && expDate < serverTime ) )
[when]- the line ends within the warning period=expDate > 0, serverTime > 0, expDate >= serverTime, expDate - serverTime <= $warningDays * 86400
[when]- the line is a trial=trial
[when]- the line is not a trial=!trial
[when]- every allowed connection is in use=maxConnections > 0, activeConnections >= maxConnections

# ---- what the user reports ------------------------------------------------------------------
[when]The user reported something=$symptoms : ReportedSymptoms( )
[when]- the app shows "{message}" or the line works on another device=( appMessage == "{message}" || worksOnOtherDevice == "yes" )
[when]- the app shows "{message}"=appMessage == "{message}"
[when]- the line works on another device=worksOnOtherDevice == "yes"

# ---- any fact, any field (see FACTS.md for the facts, their fields and values) ------------------
[when]There is a {type} fact={type}( )
[when]There is no {type} fact=not {type}( )
[when]- its {field} is not "{value}"={field} != "{value}"
[when]- its {field} is "{value}"={field} == "{value}"
[when]- its {field} is more than {number}={field} > {number}
[when]- its {field} is less than {number}={field} < {number}
[when]- its {field} is {number}={field} == {number}
[when]- its {field} includes "{value}"={field} contains "{value}"
[when]- it is not {flag}=!{flag}
[when]- it is {flag}={flag}

# ---- settings -------------------------------------------------------------------------------
[when]The warning period before a subscription ends is configured=Settings( $warningDays : expiryWarningDays )

# ---- conditions and findings already drawn --------------------------------------------------
[when]The condition {name} does not hold=not Condition( name == "{name}" )
[when]The condition {name} holds=Condition( name == "{name}" )
[when]There is no finding {cause} yet=not Finding( causeId == "{cause}" )
[when]There is no error at the {layer} layer yet=not Finding( layer == "{layer}", severity == "error" )

# ---- results --------------------------------------------------------------------------------
[then]Note the condition {name}=insertLogical( Condition.of( "{name}" ) );
[then]Conclude {category} because of {cause} at the {layer} layer=Finding finding = Finding.error( "{category}", "{cause}", "{layer}" );
[then]Warn about {cause} at the {layer} layer=Finding finding = Finding.warning( "NO_FAULT_FOUND", "{cause}", "{layer}" );
[then]Advise on {cause} in {category} at the {layer} layer=Finding finding = Finding.info( "{category}", "{cause}", "{layer}" );
[then]Add evidence that the panel accepted the login with its status and auth=finding = finding.because( "evidence.login.accepted", "status", $login.status() );
[then]Add evidence that the panel accepted the login with its status=finding = finding.because( "evidence.login.accepted", "status", $login.status() );
[then]Add evidence that the panel says it is a trial with its status=finding = finding.because( "evidence.login.trial", "status", $login.status() );
[then]Add evidence that the end date passed by the server's clock, in full=if ( $login.expDate() > 0 && $login.serverTime() > 0 ) { finding = finding.because( "evidence.account.ended.clock", "end", $login.expDate(), "ago", $login.serverTime() - $login.expDate(), "now", $login.serverTime() ); }
[then]Add evidence that the end date passed by the server's clock=if ( $login.expDate() > 0 && $login.serverTime() > 0 ) { finding = finding.because( "evidence.account.ended", "end", $login.expDate(), "ago", $login.serverTime() - $login.expDate() ); }
[then]Add evidence that the panel counts the connections in use=finding = finding.because( "evidence.account.connections", "max", $login.maxConnections(), "active", $login.activeConnections() );
[then]Add evidence that the next stream will be refused=finding = finding.because( "evidence.account.next_stream_refused" );
[then]Add evidence that the user says so=finding = finding.because( $symptoms.appMessage().equals( "authorization_failed" ) ? "evidence.symptoms.authorization_failed" : "evidence.symptoms.works_elsewhere" );
[then]Add evidence that the line ends within the warning period=finding = finding.because( "evidence.account.ends_soon", "end", $login.expDate(), "left", $login.expDate() - $login.serverTime(), "warning", $warningDays );
[then]Add the evidence "{text}"=finding = finding.because( "{text}" );
[then]Fill in when it ended=finding = finding.with( "expiredOn", $login.expDate() > 0 ? accountTimeCode( $login.expDate() ) : "earlier" );
[then]Fill in when it ends=finding = finding.with( "expiresOn", accountTimeCode( $login.expDate() ) ).with( "timeLeft", accountSpanCode( $login.expDate() - $login.serverTime() ) );
[then]Fill in the account status=finding = finding.with( "status", $login.status() );
[then]Fill in the connections in use=finding = finding.with( "active", $login.activeConnections() ).with( "max", $login.maxConnections() );
[then]Fill in {name} as "{value}"=finding = finding.with( "{name}", "{value}" );
[then]Report it=insert( finding );
