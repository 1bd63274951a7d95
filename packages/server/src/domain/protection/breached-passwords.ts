import { formError } from '../../errors.js';

/**
 * Some of the most common passwords in public breach corpora (the top of the frequency lists that
 * Have I Been Pwned and SecLists publish), lower-cased and limited to 8 characters or more, since
 * shorter ones already fail the default policy. A short list shipped in the binary catches the
 * passwords attackers try first without sending anything to a third party; it is not a full
 * breach database and does not claim to be one.
 *
 * Kept as one whitespace-separated block: none of the entries contains whitespace, and a list of
 * this length reads better as a block than as ~400 one-element lines.
 */
const LIST = `
password 12345678 123456789 1234567890 12345678910 qwertyuiop 11111111 00000000 iloveyou password1 password12
password123 password1234 password! password01 passw0rd p@ssw0rd p@ssword pa55word pa55w0rd 1q2w3e4r 1q2w3e4r5t
1q2w3e4r5t6y q1w2e3r4 q1w2e3r4t5 1qaz2wsx 1qazxsw2 1qaz2wsx3edc 1qaz1qaz zaq12wsx zaq1zaq1 zaq1xsw2 qazwsxedc
qazwsx123 qwerty123 qwerty12 qwerty1234 qwerty12345 qwertyui qwertyuiop123 qwer1234 1234qwer asdf1234 asdfasdf
asdfghjk asdfghjkl zxcvbnm1 zxcvbnm123 zxcvbnma qweasdzxc 123qweasd 123qweasdzxc qwe123qwe abcd1234 abc12345
abc123456 abcdefgh abcdefg1 a1b2c3d4 1a2b3c4d 1234abcd 123456789a 123456789q 12345678a 1234567a 12341234
12121212 123123123 11223344 87654321 987654321 9876543210 88888888 99999999 66666666 77777777 22222222
33333333 44444444 55555555 11112222 12344321 13131313 112233445566 147258369 159753456 741852963 123654789
789456123 147852369 123456123 111111111 000000000 1111111111 0987654321 sunshine princess football baseball
basketball superman trustno1 jennifer michelle starwars computer internet whatever welcome1 welcome123
welcome2 letmein1 letmein123 iloveyou1 iloveyou2 iloveyou! princess1 sunshine1 football1 baseball1 superman1
starwars1 michael1 charlie1 jordan23 liverpool manchester chelsea1 arsenal1 barcelona realmadrid mercedes
midnight maverick danielle victoria corvette mustang1 samantha steelers scorpion swimming elephant einstein
alexander christopher christian christine elizabeth jonathan nicholas patricia jessica1 jennifer1 michelle1
melissa1 veronica stephanie kimberly caroline charlotte isabella sebastian spiderman batman123 butterfly
chocolate cocacola dolphins fireball friends1 gateway1 hello123 hellokitty helloworld hellohello hockey12
hunter12 jasmine1 justin12 marlboro matrix12 metallica monkey12 monkey123 naruto12 november december september
pokemon1 qwertyqwerty rainbow1 redskins richard1 scooter1 secret12 shadow12 shadow123 soccer12 soccer123
spongebob tinkerbell teddybear thunder1 tigger12 yankees1 whatever1 william1 admin123 admin1234 administrator
adminadmin rootroot changeme changeme1 default1 babygirl babygirl1 sweetheart beautiful blink182 angel123
dragon123 freedom1 goodluck greenday justinbieber onedirection pakistan pakistan123 lovelove loveyou1
iloveyou123 iloveu123 lovely123 forever1 jesus123 jesuschrist godisgood blessed1 jordan123 michael123 anthony1
daniel123 robert123 thomas123 charlie123 andrew123 joshua123 matthew1 password2 password3 password7 password99
password11 password13 password22 password69 qwerty11 qwerty01 asdf123456 asdfgh123 asdfghjkl1 zxcvbnm12
qwertyuio 1qaz2wsx3 q1w2e3r4t5y6 1q2w3e4r5 12qwaszx 1qwerty1 qwerty1! 123abc123 abc123abc abcabc123 aaaaaaaa
aaaaaa11 qqqqqqqq zzzzzzzz xxxxxxxx abcd12345 iloveyou12 football12 baseball12 monkey1234 dragon12 master12
master123 killer12 killer123 computer1 internet1 security security1 sunflower strawberry pineapple blueberry
cheese123 chicken1 chicken123 cookie123 cupcake1 dragonfly firebird flower123 garfield ginger12 harley12
hotmail1 hotmail123 gmail123 yahoo123 google123 facebook facebook1 linkedin myspace1 youtube1 instagram
twitter1 microsoft windows1 samsung1 samsung123 iphone123 apple123 nintendo playstation minecraft minecraft1
fortnite roblox123 warcraft starcraft pokemon123 naruto123 1234567890a a123456789 aa123456 aa12345678 qq123456
q1234567 abc123456789 asd123456 zxc123456 qwe123456 123456qwe 123456789z zx123456 xx123456 iloveyou22 bubbles1
buster12 cowboys1 dallas12 eagles12 falcon12 giants12 lakers24 patriots packers1 raiders1 rangers1 redsox12
yankees2 steelers1 chicago1 newyork1 london123 paris123 america1 australia brazil123 canada123 england1
germany1 france123 mexico123 india123 russia123 welcome01 access14 letmein12 trustme1 secret123 private1
topsecret 123password passpass passwort motdepasse contrasena senha123 qwertz123 azerty123 azertyuiop 1234azer
`;

/** The breached passwords, lower-case. */
export const BREACHED_PASSWORDS: ReadonlySet<string> = new Set(LIST.trim().split(/\s+/));

/**
 * Whether a password is on the list. The comparison ignores case: `Password1` is as guessable as
 * `password1`, and attackers' lists try both.
 *
 * @example
 * isBreachedPassword('Sunshine1') // true
 * isBreachedPassword('correct horse battery staple') // false
 */
export function isBreachedPassword(password: string): boolean {
  return BREACHED_PASSWORDS.has(password.toLowerCase());
}

/**
 * Throws Clerk's `form_password_pwned` (422, naming `paramName`) for a breached password.
 *
 * @example
 * assertPasswordNotBreached('password123') // throws form_password_pwned
 */
export function assertPasswordNotBreached(password: string, paramName = 'password'): void {
  if (!isBreachedPassword(password)) return;
  throw formError(
    'form_password_pwned',
    paramName,
    'Password has been found in an online data breach. For account safety, please use a different password.',
    'Password has been found in an online data breach. For account safety, please use a different password.',
  );
}
