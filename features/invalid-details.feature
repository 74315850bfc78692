Feature: Invalid Details (guide chapter 1: credential mistakes)
  The server is reachable, but what the user typed does not match: the username or password,
  the spaces around them, their case, the port, the protocol, or the form of the server URL.

  Scenario: A playlist link pasted as the server URL
    Given the facts of a working login
    And the server field holds the get_php link "http://panel.example.com:8080/get.php?username=***&password=***&type=m3u_plus"
    When I evaluate the facts
    Then the category is INVALID_DETAILS
    And the cause is PASTED_URL
    And the fixes include "Type the server as exactly http://panel.example.com:8080"

  Scenario: The password field is empty
    Given the facts of a working login
    And the password is blank
    And the login request gets HTTP 200 with an empty body
    When I evaluate the facts
    Then the category is INVALID_DETAILS
    And the cause is BLANK_CREDENTIALS
    And the fixes include "paste them into their own fields"

  Scenario: An Xtream UI panel answers an empty 200, as it does for a blank credential
    Given the facts of a working login
    And the login request gets HTTP 200 with an empty body
    When I evaluate the facts
    Then the category is INVALID_DETAILS
    And the cause is BLANK_CREDENTIALS

  Scenario: A space after the username
    Given the facts of a working login
    And the username has a space before or after it
    And the login answer says auth 0
    When I evaluate the facts
    Then the category is INVALID_DETAILS
    And the cause is SPACES_AROUND_CREDENTIALS
    And the fixes include "Delete the spaces before and after the username"

  Scenario: The panel does not know the username and password (auth 0)
    Given the facts of a working login
    And the login answer says auth 0
    When I evaluate the facts
    Then the category is INVALID_DETAILS
    And the cause is CREDENTIALS_REJECTED
    And the fixes include "case-sensitive"
    And the evidence includes "does not know this username and password"
    And there is no finding CASE_SENSITIVITY_HINT

  Scenario: An XUI.one panel refuses without saying why (padded 404)
    Given the facts of a working login
    And the login request gets HTTP 404 with an html body of 446 bytes
    And the answer carries the signal "xui_padded_404"
    When I evaluate the facts
    Then the category is INVALID_DETAILS
    And the cause is REJECTED_OR_INACTIVE
    And the fixes include "whether the subscription is still active"

  Scenario: A refused username a keyboard capitalised gets the case-sensitivity hint
    Given the facts of a working login
    And the username is cased "capitalised"
    And the login answer says auth 0
    When I evaluate the facts
    Then the category is INVALID_DETAILS
    And the cause is CREDENTIALS_REJECTED
    And there is an info finding CASE_SENSITIVITY_HINT

  Scenario: A refused password in a generated mix of cases gets no case-sensitivity hint
    Given the facts of a working login
    And the password is cased "mixed"
    And the login answer says auth 0
    When I evaluate the facts
    Then the cause is CREDENTIALS_REJECTED
    And there is no finding CASE_SENSITIVITY_HINT

  Scenario: A working login in capitals gets no case-sensitivity hint
    Given the facts of a working login
    And the username is cased "upper"
    When I evaluate the facts
    Then the category is NO_FAULT_FOUND
    And there is no finding CASE_SENSITIVITY_HINT

  Scenario: The port answers with a plain web server, not the panel
    Given the facts of a working login
    And the server URL was typed as "http://panel.example.com:80" with port 80
    And the login request gets HTTP 404 with an html body of 162 bytes
    When I evaluate the facts
    Then the category is INVALID_DETAILS
    And the cause is WRONG_PORT
    And the fixes include "Check the port in the provider's message"

  Scenario: https typed for a plain-http port
    Given the facts of a working login
    And the server URL was typed as "https://panel.example.com:8080" with https
    And the TLS handshake finds plain HTTP on the port
    When I evaluate the facts
    Then the category is INVALID_DETAILS
    And the cause is WRONG_PROTOCOL
    And the fixes include "Type the server as http://panel.example.com:8080"

  Scenario: http typed for a TLS-only port
    Given the facts of a working login
    And the login request gets HTTP 400 with an html body of 255 bytes
    And the answer carries the signal "plain_http_to_tls_port"
    When I evaluate the facts
    Then the category is INVALID_DETAILS
    And the cause is WRONG_PROTOCOL
    And the fixes include "Type the server as https://panel.example.com:8080"

  Scenario: A server URL without http:// works, with a warning
    Given the facts of a working login
    And the server URL was typed as "panel.example.com:8080" without a scheme
    When I evaluate the facts
    Then the category is NO_FAULT_FOUND
    And the cause is HEALTHY
    And there is a warning finding MISSING_SCHEME_OR_PORT

  Scenario: No port typed, and the scheme's own port leads nowhere: the port is missing
    Given the facts of the example "port-missing"
    When I evaluate the facts
    Then the category is INVALID_DETAILS
    And the cause is PORT_MISSING
    And the fixes include "Add the port from the provider's message: type the server as http://panel.example.com:PORT"
    And there is no finding MISSING_SCHEME_OR_PORT

  Scenario: A port with a letter O for a zero is no port
    Given the facts of the example "port-malformed"
    When I evaluate the facts
    Then the category is INVALID_DETAILS
    And the cause is PORT_MALFORMED
    And the fixes include "panel.example.com:8080"

  Scenario: A mistyped http:// is read as meant, and the exact text to type is given
    Given the facts of a working login
    And the ServerInput fact has:
      | typed    | http:/panel.example.com :8080 |
      | cleanups | mistyped_scheme, inner_spaces |
    When I evaluate the facts
    Then the category is INVALID_DETAILS
    And the cause is INPUT_CORRECTED
    And the fixes include "type exactly http://panel.example.com:8080"
    And the evidence includes "a mistyped http://"
    And the evidence includes "spaces inside it"

  Scenario: The https certificate has expired
    Given the facts of a working login
    And the server URL was typed as "https://panel.example.com:25463" with https
    And the TLS handshake fails with tls.cert.expired: "certificate expired 2026-10-01"
    When I evaluate the facts
    Then the category is INVALID_DETAILS
    And the cause is TLS_CERT_EXPIRED
    And the fixes include "http://panel.example.com:PORT"
    And the evidence includes "certificate expired 2026-10-01"

  Scenario: The https certificate is self-signed
    Given the facts of a working login
    And the server URL was typed as "https://panel.example.com:25463" with https
    And the TLS handshake fails with tls.cert.untrusted: "self-signed certificate"
    When I evaluate the facts
    Then the category is INVALID_DETAILS
    And the cause is TLS_CERT_UNTRUSTED

  Scenario: The https certificate is made out for another name
    Given the facts of a working login
    And the server URL was typed as "https://panel.example.com:25463" with https
    And the TLS handshake fails with tls.cert.name_mismatch: "certificate for *.cdn.example.net"
    When I evaluate the facts
    Then the category is INVALID_DETAILS
    And the cause is TLS_CERT_NAME_MISMATCH
    And the fixes include "letter by letter"

  Scenario: The https handshake fails for another reason
    Given the facts of a working login
    And the server URL was typed as "https://panel.example.com:25463" with https
    And the TLS handshake fails with tls.failed: "no shared cipher"
    When I evaluate the facts
    Then the category is INVALID_DETAILS
    And the cause is TLS_FAILED
    And the fixes include "Update the IPTV app"

  Scenario: The port closes the connection without answering
    Given the facts of a working login
    And the port closes the connection without answering the login
    When I evaluate the facts
    Then the category is INVALID_DETAILS
    And the cause is EMPTY_REPLY
    And the fixes include "may belong to another service"

  Scenario: JSON answers at the URL, but no Xtream login
    Given the facts of a working login
    And the panel's answer is panel.answer_unexpected
    When I evaluate the facts
    Then the category is INVALID_DETAILS
    And the cause is PANEL_ANSWER_UNEXPECTED
    And there is no finding HEALTHY

  Scenario: The server URL only works once the doctor corrects it: the exact text to type
    Given the facts of the example "input-corrected"
    When I evaluate the facts
    Then the category is INVALID_DETAILS
    And the cause is INPUT_CORRECTED
    And the fixes include "type exactly http://panel.example.com:8080"
    And the evidence includes "a doubled http://"
    And the evidence includes "spaces before or after it"

  Scenario: Upper case and a trailing slash are tidied by the apps themselves: no finding
    Given the facts of a working login
    And the ServerInput fact has:
      | typed    | HTTP://Panel.Example.com:8080/ |
      | cleanups | upper_case, trailing_slash     |
    When I evaluate the facts
    Then the category is NO_FAULT_FOUND
    And there is no finding INPUT_CORRECTED

  Scenario: The port answers with bytes that are no HTTP
    Given the facts of the example "not-http"
    When I evaluate the facts
    Then the category is INVALID_DETAILS
    And the cause is NOT_HTTP
    And the evidence includes "SSH"

  Scenario: The panel moved: the login works only after a redirect
    Given the facts of the example "server-url-moved"
    When I evaluate the facts
    Then the category is INVALID_DETAILS
    And the cause is SERVER_URL_MOVED
    And the fixes include "http://tv.example.net:2052"

  Scenario: A redirect within the same server URL is no move
    Given the facts of the example "server-url-moved"
    And the HttpResponse fact has:
      | url | http://panel.example.com:8080/new/player_api.php?username=***&password=*** |
    When I evaluate the facts
    Then there is no finding SERVER_URL_MOVED

  Scenario: The certificate names another server: the names it is for are shown
    Given the facts of the example "tls-cert-name-mismatch"
    And the TlsHandshake fact has:
      | names | cdn.example.net, *.example.net |
    When I evaluate the facts
    Then the category is INVALID_DETAILS
    And the cause is TLS_CERT_NAME_MISMATCH
    And the fixes include "cdn.example.net, *.example.net"
